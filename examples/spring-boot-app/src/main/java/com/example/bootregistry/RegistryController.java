package com.example.bootregistry;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's own registry, reduced to a stub: it answers the API base and says every
 * other repository is unknown. Requests for {@code ipfs/…} names never get here: the
 * middleware filter answers them.
 */
@RestController
public class RegistryController {
    private static final String VERSION_HEADER = "Docker-Distribution-API-Version";

    /** @return 200 with the distribution API version header */
    @GetMapping({"/v2", "/v2/"})
    public ResponseEntity<String> base() {
        return ResponseEntity.ok().header(VERSION_HEADER, "registry/2.0")
                .contentType(MediaType.APPLICATION_JSON).body("{}");
    }

    /** @return 404 NAME_UNKNOWN for any repository of the application's own */
    @RequestMapping("/v2/**")
    public ResponseEntity<String> unknown() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).header(VERSION_HEADER, "registry/2.0")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"this registry holds no repositories of "
                        + "its own\"}]}");
    }
}
