package io.github.zuplojwt.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.zuplojwt.principal.ZuploPrincipal;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small service protected by the starter, as a user would write it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
public class TestApplication {

	/** A user's own token check, which must run in addition to the starter's. */
	@Bean
	OAuth2TokenValidator<Jwt> noMallory() {
		return (jwt) -> "mallory".equals(jwt.getSubject())
				? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "consumer mallory is banned", null))
				: OAuth2TokenValidatorResult.success();
	}

	@RestController
	static class Endpoints {

		@GetMapping("/protected")
		Map<String, Object> protectedResource(@AuthenticationPrincipal Jwt jwt) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("message", "Access granted");
			body.put("user", jwt.getClaims());
			return body;
		}

		/** Answers without reading the request body, as an endpoint that ignores an upload would. */
		@PostMapping("/protected")
		Map<String, Object> protectedPost(@AuthenticationPrincipal Jwt jwt) {
			return protectedResource(jwt);
		}

		@GetMapping("/me")
		Map<String, Object> me(@AuthenticationPrincipal ZuploPrincipal principal) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", principal.getName());
			body.put("consumer", principal.getConsumer());
			body.put("account", principal.getAccount());
			body.put("project", principal.getProject());
			body.put("deployment", principal.getDeployment());
			body.put("environmentType", principal.getEnvironmentType());
			body.put("metadata", principal.getMetadata());
			return body;
		}

		@GetMapping("/whoami")
		String whoami(Authentication authentication) {
			return authentication.getName() + " " + authentication.getAuthorities();
		}

		@GetMapping("/admin")
		@PreAuthorize("hasAuthority('role:admin')")
		String admin() {
			return "admin area";
		}

		@GetMapping("/public/hello")
		String hello() {
			return "hello";
		}

	}

}
