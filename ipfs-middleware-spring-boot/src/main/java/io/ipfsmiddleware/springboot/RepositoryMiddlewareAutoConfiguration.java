package io.ipfsmiddleware.springboot;

import io.ipfsmiddleware.api.spi.MiddlewareChain;
import io.ipfsmiddleware.servlet.RepositoryMiddlewareFilter;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link RepositoryMiddlewareFilter} on {@code /v2/*} of a servlet web application,
 * with the middlewares that {@code middleware.repository} in {@code application.yml} names,
 * found through {@link java.util.ServiceLoader}. Requests for names a middleware intercepts
 * ({@code ipfs/<cid>/…}) are answered by the filter; all others reach the application.
 *
 * <p>Replace either bean to change the defaults: a {@link MiddlewareChain} bean of your own, or
 * a {@code FilterRegistrationBean} named {@value #FILTER_BEAN} (for example with another order;
 * the default, {@value #FILTER_ORDER}, runs after Spring Security's filter chain).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RepositoryMiddlewareFilter.class)
@EnableConfigurationProperties(RepositoryMiddlewareProperties.class)
public class RepositoryMiddlewareAutoConfiguration {
    /** The name of the filter registration bean. */
    public static final String FILTER_BEAN = "repositoryMiddlewareFilter";
    /** The default order of the filter. */
    public static final int FILTER_ORDER = 0;

    private static final Logger LOG = LoggerFactory.getLogger(RepositoryMiddlewareAutoConfiguration.class);

    /** Created by Spring. */
    public RepositoryMiddlewareAutoConfiguration() {
    }

    /**
     * @param properties {@code middleware.repository} from the environment
     * @return the chain; Spring closes it on shutdown
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public MiddlewareChain repositoryMiddlewareChain(RepositoryMiddlewareProperties properties) {
        MiddlewareChain chain = MiddlewareChain.load(properties.middlewares(),
                RepositoryMiddlewareAutoConfiguration.class.getClassLoader());
        LOG.info("Repository middleware {} from middleware.repository", chain.names());
        return chain;
    }

    /**
     * @param chain the middlewares the filter applies
     * @return the filter on {@code /v2/*}
     */
    @Bean(FILTER_BEAN)
    @ConditionalOnMissingBean(name = FILTER_BEAN)
    public FilterRegistrationBean<RepositoryMiddlewareFilter> repositoryMiddlewareFilter(MiddlewareChain chain) {
        FilterRegistrationBean<RepositoryMiddlewareFilter> registration =
                new FilterRegistrationBean<>(new RepositoryMiddlewareFilter(chain));
        registration.addUrlPatterns("/v2/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
