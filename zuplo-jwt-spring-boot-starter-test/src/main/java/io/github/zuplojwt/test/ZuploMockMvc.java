package io.github.zuplojwt.test;

import io.github.zuplojwt.principal.ZuploPrincipal;
import jakarta.servlet.ServletContext;

import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Authenticates MockMvc requests to an application protected by the starter:
 * <ul>
 * <li>{@link #zuploToken(ZuploTokenBuilder) zuploToken(…)} sends a token in the header the
 * application reads ({@code zuplo.bearer.*}, {@code Authorization: Bearer} by default), so it
 * goes through the application's filter chain and is verified like a gateway's;</li>
 * <li>{@link #zuploPrincipal(ZuploTokenBuilder) zuploPrincipal(…)} skips verification, as
 * {@code spring-security-test}'s {@code jwt()} does, but makes the principal the starter
 * makes: a {@link ZuploPrincipal}, with the authorities and name the application's
 * {@link JwtAuthenticationConverter} maps from the claims;</li>
 * <li>{@link #zuploRequestId(String) zuploRequestId(…)} sends the gateway's request id
 * ({@code zp-rid}), as Zuplo does with every request it forwards.</li>
 * </ul>
 */
public final class ZuploMockMvc {

	private ZuploMockMvc() {
	}

	/** Sends the given token in the header the application reads tokens from. */
	public static RequestPostProcessor zuploToken(String token) {
		return (request) -> {
			ApplicationSettings settings = settings(request.getServletContext());
			request.addHeader(settings.bearer().headerName(), settings.headerValue(token));
			return request;
		};
	}

	/** Signs the token and sends it in the header the application reads tokens from. */
	public static RequestPostProcessor zuploToken(ZuploTokenBuilder token) {
		return zuploToken(token.sign());
	}

	/**
	 * Sends the given id as the gateway's request id, in the header Zuplo sends it in
	 * ({@code zp-rid}, or the application's first {@code zuplo.request-id.header-names}), so
	 * that the application's logs and the starter's error bodies carry it. Only a UUID is
	 * taken by the application.
	 */
	public static RequestPostProcessor zuploRequestId(String requestId) {
		return (request) -> {
			request.addHeader(settings(request.getServletContext()).requestIdHeader(), requestId);
			return request;
		};
	}

	/** Authenticates as an upstream token's default claims, without a signature. */
	public static RequestPostProcessor zuploPrincipal() {
		return zuploPrincipal(ZuploTokens.upstreamToken());
	}

	/**
	 * Authenticates as the token's claims, without a signature: the controller gets the
	 * {@link ZuploPrincipal} and authorities the application would make of the token.
	 */
	public static RequestPostProcessor zuploPrincipal(ZuploTokenBuilder token) {
		return (request) -> {
			ApplicationContext context = context(request.getServletContext());
			ZuploPrincipal principal = token.principal(ApplicationSettings.of(context));
			JwtAuthenticationConverter converter = context.getBeanProvider(JwtAuthenticationConverter.class)
				.getIfAvailable();
			if (converter == null) {
				throw new IllegalStateException("The application has no JwtAuthenticationConverter to map the"
						+ " principal's authorities: is the Zuplo JWT starter enabled (zuplo.enabled)?");
			}
			return authentication(converter.convert(principal)).postProcessRequest(request);
		};
	}

	private static ApplicationSettings settings(ServletContext servletContext) {
		ApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(servletContext);
		return (context != null) ? ApplicationSettings.of(context) : ApplicationSettings.DEFAULTS;
	}

	private static ApplicationContext context(ServletContext servletContext) {
		ApplicationContext context = WebApplicationContextUtils.getWebApplicationContext(servletContext);
		if (context == null) {
			throw new IllegalStateException("zuploPrincipal() needs MockMvc set up from the application context"
					+ " (@AutoConfigureMockMvc, @WebMvcTest or MockMvcBuilders.webAppContextSetup).");
		}
		return context;
	}

}
