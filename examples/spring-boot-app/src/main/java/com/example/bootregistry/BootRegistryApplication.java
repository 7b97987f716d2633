package com.example.bootregistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot registry: its own controller for the API base, ipfs names from the middleware. */
@SpringBootApplication
public class BootRegistryApplication {
    /** @param args Spring Boot arguments, e.g. {@code --server.port=5000} */
    public static void main(String[] args) {
        SpringApplication.run(BootRegistryApplication.class, args);
    }
}
