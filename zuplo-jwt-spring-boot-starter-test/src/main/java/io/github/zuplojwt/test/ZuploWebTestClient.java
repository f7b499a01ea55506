package io.github.zuplojwt.test;

import java.util.concurrent.atomic.AtomicReference;

import io.github.zuplojwt.principal.ZuploPrincipal;
import reactor.core.publisher.Mono;

import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.test.web.reactive.server.MockServerConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Authenticates {@link WebTestClient} requests to an application protected by the starter,
 * through {@code mutateWith(…)}:
 * <ul>
 * <li>{@link #zuploToken(ZuploTokenBuilder) zuploToken(…)} sends a token in the header the
 * application reads ({@code zuplo.bearer.*}, {@code Authorization: Bearer} by default), so it
 * goes through the application's filter chain and is verified like a gateway's; it works
 * against a running server too;</li>
 * <li>{@link #zuploPrincipal(ZuploTokenBuilder) zuploPrincipal(…)} skips verification, as
 * {@code spring-security-test}'s {@code mockJwt()} does, but makes the principal the starter
 * makes: a {@link ZuploPrincipal}, with the authorities and name the application's principal
 * converter maps from the claims. It needs a client bound to the application
 * ({@code @WebFluxTest}, or {@code @AutoConfigureWebTestClient} in a mock web environment);</li>
 * <li>{@link #zuploRequestId(String) zuploRequestId(…)} sends the gateway's request id
 * ({@code zp-rid}), as Zuplo does with every request it forwards.</li>
 * </ul>
 * The headers are the application's when Spring Boot built the client
 * ({@code @AutoConfigureWebTestClient}, {@code @WebFluxTest}); a client built by hand sends
 * {@code Authorization: Bearer} and {@code zp-rid}.
 */
public final class ZuploWebTestClient {

	private static final ResolvableType PRINCIPAL_CONVERTER = ResolvableType.forClassWithGenerics(Converter.class,
			ResolvableType.forClass(Jwt.class),
			ResolvableType.forClassWithGenerics(Mono.class, AbstractAuthenticationToken.class));

	private ZuploWebTestClient() {
	}

	/** Sends the given token in the header the application reads tokens from. */
	public static WebTestClientConfigurer zuploToken(String token) {
		return (builder, httpHandlerBuilder, connector) -> {
			ApplicationSettings settings = settings(builder);
			builder.defaultHeaders(
					(headers) -> headers.set(settings.bearer().headerName(), settings.headerValue(token)));
		};
	}

	/** Signs the token and sends it in the header the application reads tokens from. */
	public static WebTestClientConfigurer zuploToken(ZuploTokenBuilder token) {
		return zuploToken(token.sign());
	}

	/**
	 * Sends the given id as the gateway's request id, in the header Zuplo sends it in
	 * ({@code zp-rid}, or the application's first {@code zuplo.request-id.header-names}), so
	 * that the application's logs and the starter's error bodies carry it. Only a UUID is
	 * taken by the application.
	 */
	public static WebTestClientConfigurer zuploRequestId(String requestId) {
		return (builder, httpHandlerBuilder, connector) -> {
			ApplicationSettings settings = settings(builder);
			builder.defaultHeaders((headers) -> headers.set(settings.requestIdHeader(), requestId));
		};
	}

	/** The application's settings where Spring Boot built the client, the starter's defaults otherwise. */
	private static ApplicationSettings settings(WebTestClient.Builder builder) {
		AtomicReference<ApplicationSettings> settings = new AtomicReference<>(ApplicationSettings.DEFAULTS);
		builder.filters((filters) -> filters.stream()
			.filter(HeaderPlacement.class::isInstance)
			.map(HeaderPlacement.class::cast)
			.findFirst()
			.ifPresent((placement) -> settings.set(settings.get().with(placement))));
		return settings.get();
	}

	/** Authenticates as an upstream token's default claims, without a signature. */
	public static WebTestClientConfigurer zuploPrincipal() {
		return zuploPrincipal(ZuploTokens.upstreamToken());
	}

	/**
	 * Authenticates as the token's claims, without a signature: the controller gets the
	 * {@link ZuploPrincipal} and authorities the application would make of the token.
	 */
	public static WebTestClientConfigurer zuploPrincipal(ZuploTokenBuilder token) {
		return new PrincipalConfigurer(token);
	}

	/** Puts a filter in front of the application's filters that authenticates each request. */
	private record PrincipalConfigurer(ZuploTokenBuilder token) implements WebTestClientConfigurer, MockServerConfigurer {

		@Override
		public void afterConfigurerAdded(WebTestClient.Builder builder, WebHttpHandlerBuilder httpHandlerBuilder,
				ClientHttpConnector connector) {
			if (httpHandlerBuilder == null) {
				throw new IllegalStateException("zuploPrincipal() needs a WebTestClient bound to the application"
						+ " (@WebFluxTest, or @AutoConfigureWebTestClient in a mock web environment). Against a"
						+ " running server, send a signed token with zuploToken(…).");
			}
			beforeServerCreated(httpHandlerBuilder);
		}

		@Override
		public void beforeServerCreated(WebHttpHandlerBuilder builder) {
			builder.filters((filters) -> filters.add(0, new PrincipalFilter(this.token)));
		}

	}

	/** Authenticates the exchange as the application would authenticate the token. */
	private record PrincipalFilter(ZuploTokenBuilder token) implements WebFilter {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			ApplicationContext context = exchange.getApplicationContext();
			if (context == null) {
				return Mono.error(new IllegalStateException("zuploPrincipal() needs a WebTestClient bound to the"
						+ " application context (@WebFluxTest, @AutoConfigureWebTestClient or"
						+ " WebTestClient.bindToApplicationContext)."));
			}
			ZuploPrincipal principal = this.token.principal(ApplicationSettings.of(context));
			return converter(context).convert(principal)
				.flatMap((authentication) -> chain.filter(exchange)
					.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication)));
		}

		private static Converter<Jwt, Mono<AbstractAuthenticationToken>> converter(ApplicationContext context) {
			Converter<Jwt, Mono<AbstractAuthenticationToken>> reactive = context
				.<Converter<Jwt, Mono<AbstractAuthenticationToken>>>getBeanProvider(PRINCIPAL_CONVERTER)
				.getIfUnique();
			if (reactive != null) {
				return reactive;
			}
			JwtAuthenticationConverter converter = context.getBeanProvider(JwtAuthenticationConverter.class)
				.getIfAvailable();
			if (converter == null) {
				throw new IllegalStateException("The application has no JwtAuthenticationConverter to map the"
						+ " principal's authorities: is the Zuplo JWT starter enabled (zuplo.enabled)?");
			}
			return new ReactiveJwtAuthenticationConverterAdapter(converter);
		}

	}

}
