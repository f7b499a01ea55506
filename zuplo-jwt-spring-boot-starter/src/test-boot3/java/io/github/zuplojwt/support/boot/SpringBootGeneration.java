package io.github.zuplojwt.support.boot;

import java.util.List;

import io.github.zuplojwt.autoconfigure.ZuploJwtAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtOperationsAutoConfiguration;
import io.github.zuplojwt.autoconfigure.ZuploJwtReactiveAutoConfiguration;
import io.github.zuplojwt.internal.boot3.ZuploJwtBoot3AutoConfiguration;
import io.github.zuplojwt.internal.boot3.ZuploJwtBoot3OperationsAutoConfiguration;

import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/**
 * What the tests name of Spring Boot that differs between generations, here as Spring Boot
 * 3.5 names it: its auto-configurations, grouped as the tests combine them, its health type
 * and its test-slice registration files. The suite is written once against these names; each
 * generation's test build supplies its own class of this name (Spring Boot 4's is in
 * {@code src/test-boot4}).
 */
public final class SpringBootGeneration {

	/** The starter's auto-configurations: the core's and this generation's adapter. */
	public static final Class<?>[] ZUPLO = { ZuploJwtAutoConfiguration.class, ZuploJwtReactiveAutoConfiguration.class,
			ZuploJwtBoot3AutoConfiguration.class };

	/** The starter's operations auto-configurations: the core's and this generation's adapter. */
	public static final Class<?>[] ZUPLO_OPERATIONS = { ZuploJwtOperationsAutoConfiguration.class,
			ZuploJwtBoot3OperationsAutoConfiguration.class };

	/**
	 * Spring Boot's servlet resource server and user details, without what enables web
	 * security (and so without an {@code HttpSecurity} bean): on Spring Boot 3.5 that is its
	 * {@code SecurityAutoConfiguration}, which is left out.
	 */
	public static final Class<?>[] SERVLET_SECURITY_WITHOUT_WEB_SECURITY = {
			OAuth2ResourceServerAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class };

	/** What enables Spring Boot's servlet web security ({@code HttpSecurity}). */
	public static final Class<?>[] SERVLET_WEB_SECURITY = { SecurityAutoConfiguration.class };

	/** Spring Boot's servlet security, all of it: the two groups above. */
	public static final Class<?>[] SERVLET_SECURITY = { OAuth2ResourceServerAutoConfiguration.class,
			SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class };

	/**
	 * Spring Boot's reactive resource server and user details, without what enables WebFlux
	 * security (and so without a {@code ServerHttpSecurity} bean).
	 */
	public static final Class<?>[] REACTIVE_SECURITY_WITHOUT_WEB_SECURITY = {
			ReactiveOAuth2ResourceServerAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class };

	/** What enables Spring Boot's WebFlux security ({@code ServerHttpSecurity}). */
	public static final Class<?>[] REACTIVE_WEB_SECURITY = { ReactiveSecurityAutoConfiguration.class };

	/** Spring Boot's observation auto-configuration. */
	public static final Class<?>[] OBSERVATION = { ObservationAutoConfiguration.class };

	/** Spring Boot's servlet management security, which backs off for the starter's chain. */
	public static final Class<?> MANAGEMENT_WEB_SECURITY = ManagementWebSecurityAutoConfiguration.class;

	/** Spring Boot's reactive management security, which backs off for the starter's chain. */
	public static final Class<?> REACTIVE_MANAGEMENT_WEB_SECURITY = ReactiveManagementWebSecurityAutoConfiguration.class;

	/** The health contributor type of this generation. */
	public static final Class<?> HEALTH_INDICATOR = HealthIndicator.class;

	/** The adapter's auto-configuration, which orders the starter before Spring Boot's security. */
	public static final Class<?> ADAPTER = ZuploJwtBoot3AutoConfiguration.class;

	/**
	 * The registration files of the test slices that load the starter, by the name of their
	 * annotation, with whether the slice is a reactive one.
	 */
	public static final List<SliceRegistration> SLICE_REGISTRATIONS = List.of(
			new SliceRegistration("org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest", false),
			new SliceRegistration("org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc",
					false),
			new SliceRegistration("org.springframework.boot.test.autoconfigure.web.reactive.WebFluxTest", true),
			new SliceRegistration("org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient",
					true));

	/**
	 * The authorities Spring Security adds to every bearer-token authentication: none before
	 * Spring Security 7.
	 */
	public static final List<String> BEARER_FACTOR_AUTHORITIES = List.of();

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
