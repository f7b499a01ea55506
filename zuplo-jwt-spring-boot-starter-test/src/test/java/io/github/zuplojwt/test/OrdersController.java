package io.github.zuplojwt.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.zuplojwt.principal.ZuploPrincipal;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's endpoints, written once for both web stacks: {@code /} is public, {@code /orders}
 * takes the token as a {@link Jwt}, {@code /me} as a {@link ZuploPrincipal}, and
 * {@code /gold} needs the authority {@code plan:gold}; {@code /request-id} shows the gateway's
 * request id in the logging MDC.
 */
@RestController
public class OrdersController {

	@GetMapping("/")
	Map<String, Object> index() {
		return Map.of("service", "orders");
	}

	/** The consumer is {@code null} when the gateway's policy sets no subject. */
	@GetMapping("/orders")
	Map<String, Object> orders(@AuthenticationPrincipal Jwt jwt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("consumer", jwt.getSubject());
		body.put("orders", List.of("order-1", "order-2"));
		return body;
	}

	@GetMapping("/me")
	Map<String, Object> me(@AuthenticationPrincipal ZuploPrincipal principal, Authentication authentication) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", principal.getClass().getSimpleName());
		body.put("name", principal.getName());
		body.put("consumer", principal.getConsumer());
		body.put("issuer", principal.getClaimAsString("iss"));
		body.put("audience", principal.getAudience());
		body.put("account", principal.getAccount());
		body.put("project", principal.getProject());
		body.put("deployment", principal.getDeployment());
		body.put("environmentType", principal.getEnvironmentType());
		body.put("metadata", principal.getMetadata());
		body.put("authorities", authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> !authority.startsWith("FACTOR_"))
			.toList());
		return body;
	}

	/** The gateway's request id as the application's own log lines see it (Spring MVC). */
	@GetMapping("/request-id")
	Map<String, Object> requestId() {
		return Map.of("requestId", String.valueOf(MDC.get("zuplo.requestId")));
	}

	/** A {@code Mono}, which reactive method security requires and Spring MVC serves too. */
	@GetMapping("/gold")
	@PreAuthorize("hasAuthority('plan:gold')")
	Mono<Map<String, Object>> gold(@AuthenticationPrincipal ZuploPrincipal principal) {
		return Mono.just(Map.of("message", "Welcome to the gold plan, " + principal.getConsumer()));
	}

}
