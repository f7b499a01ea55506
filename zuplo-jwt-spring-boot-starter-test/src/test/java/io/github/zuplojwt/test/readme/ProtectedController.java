package io.github.zuplojwt.test.readme;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Quick start's controller, as the README shows it.
 */
@RestController
class ProtectedController {

	@GetMapping("/protected")
	Map<String, Object> protectedResource(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("message", "Access granted", "user", jwt.getClaims());
	}

}
