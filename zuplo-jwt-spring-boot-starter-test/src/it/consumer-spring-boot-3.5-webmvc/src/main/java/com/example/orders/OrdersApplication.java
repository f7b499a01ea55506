package com.example.orders;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.zuplojwt.principal.ZuploPrincipal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application protected by the starter, as the README's Quick start writes it.
 */
@SpringBootApplication
public class OrdersApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrdersApplication.class, args);
	}

	@RestController
	static class OrdersController {

		@GetMapping("/protected")
		Map<String, Object> protectedResource(@AuthenticationPrincipal Jwt jwt) {
			return Map.of("message", "Access granted", "user", jwt.getClaims());
		}

		@GetMapping("/me")
		Map<String, Object> me(@AuthenticationPrincipal ZuploPrincipal principal) {
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("name", principal.getName());
			me.put("consumer", principal.getConsumer());
			return me;
		}

	}

}
