package io.github.zuplojwt.benchmarks.starter;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock resource server's application with the starter in its place: the same
 * {@code /} and {@code /protected}, and the same checks (issuer, audience, the
 * {@code account} claim) set by {@code zuplo.*} properties instead of a filter chain and a
 * validator bean. Nothing else differs, so that the load test's startup, heap and throughput
 * comparisons measure the starter and nothing besides.
 */
@SpringBootApplication
@RestController
public class StarterResourceServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(StarterResourceServerApplication.class, args);
	}

	@GetMapping("/")
	Map<String, Object> index() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", "starter-resource-server");
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
