package io.github.zuplojwt.support.boot;

import java.util.List;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtOperationsAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtReactiveAutoConfiguration;
import io.github.zuplojwt.internal.boot4.ZuploJwtBoot4AutoConfiguration;
import io.github.zuplojwt.internal.boot4.ZuploJwtBoot4OperationsAutoConfiguration;

import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration;

/**
 * What the tests name of Spring Boot that differs between generations, here as Spring Boot 4
 * names it: its auto-configurations, grouped as the tests combine them, its health type and
 * its test-slice registration files. The suite is written once against these names; each
 * generation's test build supplies its own class of this name (Spring Boot 3.5's is in
 * {@code src/test-boot3}).
 */
public final class SpringBootGeneration {

	/** The starter's auto-configurations: the core's and this generation's adapter. */
	public static final Class<?>[] ZUPLO = { ZuploJwtAutoConfiguration.class, ZuploJwtReactiveAutoConfiguration.class,
			ZuploJwtBoot4AutoConfiguration.class };

	/** The starter's operations auto-configurations: the core's and this generation's adapter. */
	public static final Class<?>[] ZUPLO_OPERATIONS = { ZuploJwtOperationsAutoConfiguration.class,
			ZuploJwtBoot4OperationsAutoConfiguration.class };

	/**
	 * Spring Boot's servlet security, resource server and user details, without what enables
	 * web security (and so without an {@code HttpSecurity} bean).
	 */
	public static final Class<?>[] SERVLET_SECURITY_WITHOUT_WEB_SECURITY = {
			OAuth2ResourceServerAutoConfiguration.class, OAuth2ResourceServerWebSecurityAutoConfiguration.class,
			SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class };

	/** What enables Spring Boot's servlet web security ({@code HttpSecurity}). */
	public static final Class<?>[] SERVLET_WEB_SECURITY = { ServletWebSecurityAutoConfiguration.class };

	/** Spring Boot's servlet security, all of it: the two groups above. */
	public static final Class<?>[] SERVLET_SECURITY = { OAuth2ResourceServerAutoConfiguration.class,
			OAuth2ResourceServerWebSecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
			SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class };

	/**
	 * Spring Boot's reactive resource server and user details, without what enables WebFlux
	 * security (and so without a {@code ServerHttpSecurity} bean).
	 */
	public static final Class<?>[] REACTIVE_SECURITY_WITHOUT_WEB_SECURITY = {
			ReactiveOAuth2ResourceServerAutoConfiguration.class,
			ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class };

	/** What enables Spring Boot's WebFlux security ({@code ServerHttpSecurity}). */
	public static final Class<?>[] REACTIVE_WEB_SECURITY = { ReactiveWebSecurityAutoConfiguration.class };

	/** Spring Boot's observation auto-configuration. */
	public static final Class<?>[] OBSERVATION = { ObservationAutoConfiguration.class };

	/** Spring Boot's servlet management security, which backs off for the starter's chain. */
	public static final Class<?> MANAGEMENT_WEB_SECURITY = ManagementWebSecurityAutoConfiguration.class;

	/** Spring Boot's reactive management security, which backs off for the starter's chain. */
	public static final Class<?> REACTIVE_MANAGEMENT_WEB_SECURITY = ReactiveManagementWebSecurityAutoConfiguration.class;

	/** The health contributor type of this generation. */
	public static final Class<?> HEALTH_INDICATOR = HealthIndicator.class;

	/** The adapter's auto-configuration, which orders the starter before Spring Boot's security. */
	public static final Class<?> ADAPTER = ZuploJwtBoot4AutoConfiguration.class;

	/**
	 * The registration files of the test slices that load the starter, by the name of their
	 * annotation, with whether the slice is a reactive one.
	 */
	public static final List<SliceRegistration> SLICE_REGISTRATIONS = List.of(
			new SliceRegistration("org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest", false),
			new SliceRegistration("org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc", false),
			new SliceRegistration("org.springframework.boot.webflux.test.autoconfigure.WebFluxTest", true),
			new SliceRegistration("org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient",
					true));

	/**
	 * The authorities Spring Security adds to every bearer-token authentication: Spring
	 * Security 7's {@code FACTOR_BEARER}.
	 */
	public static final List<String> BEARER_FACTOR_AUTHORITIES = List.of("FACTOR_BEARER");

	private SpringBootGeneration() {
	}

	/**
	 * A test slice's registration file.
	 *
	 * @param annotation the slice annotation's class name
	 * @param reactive whether it is a WebFlux slice
	 */
	public record SliceRegistration(String annotation, boolean reactive) {

		/** The file's name on the class path. */
		public String resource() {
			return "META-INF/spring/" + this.annotation + ".imports";
		}

	}

}
