package io.github.zuplojwt.sample.devissuer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decides, before the application context exists, which issuer the sample trusts; it fails
 * closed. A configured Zuplo issuer ({@code zuplo.issuer}, {@code ZUPLO_ISSUER} or
 * {@code zuplo.issuers}) always wins. Without one, the sample starts only when the
 * {@value #PROFILE} profile is active: then, and only then, a DEVELOPMENT-ONLY
 * {@link DevIssuer} stands in for the gateway and a ready-to-paste curl with a fresh token
 * is printed once the application is up. Otherwise startup stops with a message that names
 * both ways out.
 */
public class DevIssuerEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The profile that switches the development issuer on. */
	public static final String PROFILE = "dev";

	static final String PROPERTY_SOURCE = "sampleDevIssuer";

	/** Set while the dev issuer stands in for the gateway. */
	static final String ACTIVE = "sample.dev-issuer.active";

	static final String NO_ISSUER = "Set ZUPLO_ISSUER (or --zuplo.issuer) to your "
			+ "gateway's issuer, for example https://my-api-main-1a2b3c.zuplo.app/__zuplo/issuer. To try the sample "
			+ "without a gateway, run it with the '" + PROFILE + "' profile (--spring.profiles.active=" + PROFILE
			+ ", or -Dspring-boot.run.profiles=" + PROFILE + " with spring-boot:run), which starts a "
			+ "development-only local issuer.";

	private final Log logger;

	public DevIssuerEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(DevIssuerEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
			return;
		}
		boolean devProfile = environment.matchesProfiles(PROFILE);
		if (issuerConfigured(environment)) {
			if (devProfile) {
				this.logger.warn("The '" + PROFILE + "' profile is active, but a Zuplo issuer is configured: the "
						+ "configured issuer is trusted and the development issuer stays off.");
			}
			return;
		}
		if (!devProfile) {
			throw new InvalidConfigurationPropertyValueException("zuplo.issuer", null, NO_ISSUER);
		}
		startDevIssuer(environment, application);
	}

	private static boolean issuerConfigured(ConfigurableEnvironment environment) {
		return StringUtils.hasText(environment.getProperty("zuplo.issuer"))
				|| StringUtils.hasText(environment.getProperty("zuplo.issuers[0].issuer"));
	}

	private void startDevIssuer(ConfigurableEnvironment environment, SpringApplication application) {
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

	private void announce(DevIssuer devIssuer, ConfigurableEnvironment environment) {
		String port = environment.getProperty("local.server.port", "8080");
		this.logger.warn("The '" + PROFILE + "' profile is active and no zuplo.issuer is set, so a DEVELOPMENT-ONLY "
				+ "local issuer is running at " + devIssuer.issuer() + ". Never use it in production: set ZUPLO_ISSUER "
				+ "to your gateway's issuer instead.");
		this.logger.info("Try the protected endpoint with a freshly minted token (valid for 1 hour):\n\n    curl -i -H \""
				+ "Authorization: Bearer " + devIssuer.mintDemoToken() + "\" http://localhost:" + port
				+ "/protected\n\n  A new token any time: curl -s http://localhost:" + port + "/dev/token\n");
	}

}
