package io.github.zuplojwt.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The sample service on Spring MVC (Tomcat); its endpoints and development issuer come
 * from {@code zuplo-jwt-sample-common}, shared with the WebFlux sample. With {@code zuplo.issuer} (or {@code ZUPLO_ISSUER})
 * set it trusts that gateway. Without it, it starts only with the {@code dev} profile, where
 * a development-only local issuer stands in; otherwise it refuses to start.
 */
@SpringBootApplication
@EnableMethodSecurity
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
