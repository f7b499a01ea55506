package io.github.zuplojwt.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * A service behind the Zuplo gateway. With {@code zuplo.issuer} (or {@code ZUPLO_ISSUER})
 * set it trusts that gateway; without it, a development-only local issuer stands in.
 */
@SpringBootApplication
@EnableMethodSecurity
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
