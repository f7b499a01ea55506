package io.github.zuplojwt.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.zuplojwt.principal.ZuploPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The samples' endpoints, written once for both web stacks: {@code /} is public;
 * {@code /protected} and {@code /me} need a valid Zuplo token; {@code /gold} also needs the
 * authority {@code plan:gold}, mapped from the token's {@code plan} claim.
 */
@RestController
class SampleController {

	@GetMapping("/")
	Map<String, Object> index() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service", "zuplo-jwt-sample");
		body.put("protected", "/protected");
		return body;
	}

	@GetMapping("/me")
	Map<String, Object> me(@AuthenticationPrincipal ZuploPrincipal principal) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", principal.getName());
		body.put("consumer", principal.getConsumer());
		body.put("metadata", principal.getMetadata());
		return body;
	}

	/**
	 * A {@code Mono}, because WebFlux's method security checks only methods that return a
	 * publisher; Spring MVC serves it just the same.
	 */
	@GetMapping("/gold")
	@PreAuthorize("hasAuthority('plan:gold')")
	Mono<Map<String, Object>> gold(@AuthenticationPrincipal ZuploPrincipal principal) {
		return Mono.just(Map.of("message", "Welcome to the gold plan, " + principal.getName()));
	}

	@GetMapping("/protected")
	Map<String, Object> protectedResource(@AuthenticationPrincipal Jwt jwt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "Access granted");
		body.put("user", jwt.getClaims());
		return body;
	}

}
