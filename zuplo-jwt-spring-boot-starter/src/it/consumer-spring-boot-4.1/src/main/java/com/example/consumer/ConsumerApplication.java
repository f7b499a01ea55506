package com.example.consumer;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal application protected by the starter, as its README's quick start describes.
 */
@SpringBootApplication
@RestController
public class ConsumerApplication {

	@GetMapping("/protected")
	Map<String, Object> protectedResource(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("message", "Access granted", "consumer", jwt.getSubject());
	}

	public static void main(String[] args) {
		SpringApplication.run(ConsumerApplication.class, args);
	}

}
