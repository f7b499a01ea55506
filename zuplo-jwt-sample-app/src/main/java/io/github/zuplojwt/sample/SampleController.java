package io.github.zuplojwt.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample's endpoints: {@code /} is public, {@code /protected} needs a valid Zuplo token.
 */
@RestController
class SampleController {

	@GetMapping("/")
	Map<String, Object> index() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", "zuplo-jwt-sample-app");
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
