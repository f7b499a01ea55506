package io.github.zuplojwt.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;

/**
 * The sample service on Spring WebFlux (Reactor Netty), with the same endpoints and answers
 * as the Spring MVC sample. With {@code zuplo.issuer} (or {@code ZUPLO_ISSUER}) set it
 * trusts that gateway. Without it, it starts only with the {@code dev} profile, where a
 * development-only local issuer stands in; otherwise it refuses to start.
 */
@SpringBootApplication
@EnableReactiveMethodSecurity
public class WebFluxSampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebFluxSampleApplication.class, args);
	}

}
