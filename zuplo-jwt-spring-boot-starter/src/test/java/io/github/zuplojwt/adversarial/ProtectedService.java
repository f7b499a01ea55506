package io.github.zuplojwt.adversarial;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service under attack: one protected resource that answers with the token's claims,
 * so that an accepted forgery would show as a 200, and a user validator with a bug.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ProtectedService {

	static final String CRASHING_SUBJECT = "consumer-with-a-broken-record";

	/** A user's token check with a bug: it throws instead of answering for one subject. */
	@Bean
	OAuth2TokenValidator<Jwt> brokenValidator() {
		return (jwt) -> {
			if (CRASHING_SUBJECT.equals(jwt.getSubject())) {
				throw new IllegalStateException("lookup failed");
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

	@RestController
	static class Endpoints {

		@GetMapping("/protected")
		Map<String, Object> read(@AuthenticationPrincipal Jwt jwt) {
			return Map.of("message", "Access granted", "user", jwt.getClaims());
		}

		@PostMapping("/protected")
		Map<String, Object> write(@AuthenticationPrincipal Jwt jwt) {
			return Map.of("message", "Access granted", "user", jwt.getClaims());
		}

	}

}
