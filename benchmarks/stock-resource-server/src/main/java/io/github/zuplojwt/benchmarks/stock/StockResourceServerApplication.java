package io.github.zuplojwt.benchmarks.stock;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample application's {@code /} and {@code /protected} on Spring Boot's stock resource
 * server, configured the way its documentation shows ({@code jwk-set-uri}, {@code issuer-uri},
 * {@code audiences}) plus one claim validator for {@code account}, so that the load test
 * compares the starter with what a team would otherwise write.
 */
@SpringBootApplication
@RestController
public class StockResourceServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(StockResourceServerApplication.class, args);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) {
		return http.authorizeHttpRequests((requests) -> requests.requestMatchers("/").permitAll()
			.anyRequest()
			.authenticated()).oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()))
			.build();
	}

	@Bean
	OAuth2TokenValidator<Jwt> accountValidator(@Value("${stock.required-account}") String account) {
		return new JwtClaimValidator<String>("account", account::equals);
	}

	@GetMapping("/")
	Map<String, Object> index() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", "stock-resource-server");
		body.put("protected", "/protected");
		return body;
	}

	@GetMapping("/protected")
	Map<String, Object> protectedResource(@AuthenticationPrincipal Jwt jwt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "Access granted");
		body.put("user", jwt.getClaims());
		return body;
	}

}
