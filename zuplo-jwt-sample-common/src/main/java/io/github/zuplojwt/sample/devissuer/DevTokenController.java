package io.github.zuplojwt.sample.devissuer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * DEVELOPMENT ONLY. Hands out demo tokens from the {@link DevIssuer}; it exists only when
 * the dev issuer runs, never when a real gateway is configured.
 */
@RestController
@ConditionalOnBooleanProperty(DevIssuerEnvironmentPostProcessor.ACTIVE)
class DevTokenController {

	private final DevIssuer devIssuer;

	DevTokenController(DevIssuer devIssuer) {
		this.devIssuer = devIssuer;
	}

	@GetMapping(path = "/dev/token", produces = "text/plain")
	String token() {
		return this.devIssuer.mintDemoToken();
	}

}
