package io.github.zuplojwt.adversarial;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service under attack: one protected resource that answers with the token's claims,
 * so that an accepted forgery would show as a 200.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ProtectedService {

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
