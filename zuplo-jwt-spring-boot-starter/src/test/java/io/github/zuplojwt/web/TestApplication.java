package io.github.zuplojwt.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.zuplojwt.principal.ZuploPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
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
 * A small service protected by the starter, as a user would write it; its endpoints are
 * written once and serve both the servlet and the reactive stack.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@EnableMethodSecurity
	static class ServletMethodSecurity {

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@EnableReactiveMethodSecurity
	static class ReactiveMethodSecurity {

	}

	/** A user's own token check, which must run in addition to the starter's. */
	@Bean
	OAuth2TokenValidator<Jwt> noMallory() {
		return (jwt) -> "mallory".equals(jwt.getSubject())
				? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "consumer mallory is banned", null))
				: OAuth2TokenValidatorResult.success();
	}

	@RestController
	static class Endpoints {

		private static final Logger logger = LoggerFactory.getLogger(Endpoints.class);

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

		/** A {@code Mono}, which reactive method security requires and Spring MVC serves too. */
		@GetMapping("/admin")
		@PreAuthorize("hasAuthority('role:admin')")
		Mono<String> admin() {
			return Mono.just("admin area");
		}

		@GetMapping("/public/hello")
		String hello() {
			return "hello";
		}

		/**
		 * Logs a line of the application's own and answers with the gateway's request id it
		 * finds in the logging MDC, and the thread that served it.
		 */
		@GetMapping({ "/request-id", "/public/request-id" })
		Map<String, Object> requestId() {
			logger.info("Serving the request-id endpoint");
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("requestId", String.valueOf(MDC.get(RequestIdSettings.MDC_KEY)));
			body.put("thread", Thread.currentThread().getName());
			return body;
		}

	}

}
