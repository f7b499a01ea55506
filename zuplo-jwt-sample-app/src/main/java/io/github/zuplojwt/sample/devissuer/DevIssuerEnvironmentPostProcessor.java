package io.github.zuplojwt.sample.devissuer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * DEVELOPMENT ONLY. When no Zuplo issuer is configured ({@code zuplo.issuer},
 * {@code ZUPLO_ISSUER} or {@code zuplo.issuers}), starts a {@link DevIssuer}, points the
 * starter at it, and prints a ready-to-paste curl with a fresh token once the application
 * is up. Set {@code sample.dev-issuer.enabled=false} to turn it off.
 */
public class DevIssuerEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final Log logger = LogFactory.getLog(DevIssuerEnvironmentPostProcessor.class);

	static final String PROPERTY_SOURCE = "sampleDevIssuer";

	/** Set while the dev issuer stands in for the gateway. */
	static final String ACTIVE = "sample.dev-issuer.active";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty("sample.dev-issuer.enabled", Boolean.class, true)
				|| StringUtils.hasText(environment.getProperty("zuplo.issuer"))
				|| StringUtils.hasText(environment.getProperty("zuplo.issuers[0].issuer"))
				|| environment.getPropertySources().contains(PROPERTY_SOURCE)) {
			return;
		}
		DevIssuer devIssuer = DevIssuer.start();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("zuplo.issuer", devIssuer.issuer());
		properties.put("zuplo.audiences", DevIssuer.AUDIENCE);
		properties.put("zuplo.public-paths", "/,/dev/token");
		properties.put(ACTIVE, true);
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
		application.addInitializers((context) -> {
			context.getBeanFactory().registerSingleton("devIssuer", devIssuer);
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> devIssuer.close());
			context.addApplicationListener(
					(ApplicationListener<ApplicationReadyEvent>) (event) -> announce(devIssuer, environment));
		});
	}

	private static void announce(DevIssuer devIssuer, ConfigurableEnvironment environment) {
		String port = environment.getProperty("local.server.port", "8080");
		logger.warn("No zuplo.issuer is set, so a DEVELOPMENT-ONLY local issuer is running at " + devIssuer.issuer()
				+ ". Never use it in production: set ZUPLO_ISSUER to your gateway's issuer instead.");
		logger.info("Try the protected endpoint with a freshly minted token (valid for 1 hour):\n\n    curl -i -H \""
				+ "Authorization: Bearer " + devIssuer.mintDemoToken() + "\" http://localhost:" + port
				+ "/protected\n\n  A new token any time: curl -s http://localhost:" + port + "/dev/token\n");
	}

}
