package io.github.zuplojwt.autoconfigure;

import java.time.Instant;

import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.support.boot.SpringBootGeneration;
import io.github.zuplojwt.web.reactive.ZuploReactiveJwtDecoder;
import io.github.zuplojwt.web.reactive.ZuploServerAuthenticationEntryPoint;
import io.github.zuplojwt.web.reactive.ZuploServerBearerTokenConverter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the auto-configuration contributes to a reactive (WebFlux) application, and how each
 * piece backs off when the application declares its own of the type it would declare.
 */
class ZuploJwtReactiveAutoConfigurationTests {

	private static final String ISSUER = "zuplo.issuer=https://gw.example/__zuplo/issuer";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.ZUPLO))
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.REACTIVE_SECURITY_WITHOUT_WEB_SECURITY))
		.withConfiguration(AutoConfigurations.of(SpringBootGeneration.REACTIVE_WEB_SECURITY));

	private static Jwt jwt() {
		return Jwt.withTokenValue("t")
			.header("alg", "EdDSA")
			.subject("consumer-alice")
			.claim("nickname", "ally")
			.issuedAt(Instant.now())
			.expiresAt(Instant.now().plusSeconds(60))
			.build();
	}

	/** The chain that serves a request first, as Spring Security orders them. */
	private static SecurityWebFilterChain firstChain(ApplicationContext context) {
		return context.getBeanProvider(SecurityWebFilterChain.class).orderedStream().findFirst().orElseThrow();
	}

	@Test
	void issuerAloneGivesAReactiveDecoderAndAWebFilterChainAndNoGeneratedPassword() {
		this.contextRunner.withPropertyValues(ISSUER).run((context) -> {
			assertThat(context).hasSingleBean(ReactiveJwtDecoder.class);
			assertThat(context.getBean(ReactiveJwtDecoder.class)).isInstanceOf(ZuploReactiveJwtDecoder.class);
			assertThat(context).hasSingleBean(ZuploJwtDecoder.class);
			assertThat(firstChain(context)).isSameAs(context.getBean("zuploSecurityWebFilterChain"));
			assertThat(context.getBean(ServerAuthenticationConverter.class))
				.isInstanceOf(ZuploServerBearerTokenConverter.class);
			assertThat(context.getBean(ServerAuthenticationEntryPoint.class))
				.isInstanceOf(ZuploServerAuthenticationEntryPoint.class);
			assertThat(context).hasSingleBean(ServerAccessDeniedHandler.class);
			assertThat(context).hasSingleBean(ReactiveJwtAuthenticationConverterAdapter.class);
			assertThat(context).doesNotHaveBean(ReactiveUserDetailsService.class);
			assertThat(context).doesNotHaveBean(SecurityFilterChain.class);
		});
	}

	@Test
	void userReactiveJwtDecoderReplacesTheStartersDecoderAndNeedsNoIssuer() {
		this.contextRunner.withUserConfiguration(ReactiveDecoderConfig.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(ReactiveJwtDecoder.class);
			assertThat(context.getBean(ReactiveJwtDecoder.class)).isSameAs(context.getBean("customDecoder"));
			assertThat(context).doesNotHaveBean(ZuploJwtDecoder.class);
			assertThat(context).hasBean("zuploSecurityWebFilterChain");
		});
	}

	@Test
	void userJwtDecoderIsTheOneThatVerifiesOnTheReactiveStack() {
		this.contextRunner.withUserConfiguration(JwtDecoderConfig.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ZuploJwtDecoder.class);
			Jwt decoded = context.getBean(ReactiveJwtDecoder.class).decode("any").block();
			assertThat(decoded).isSameAs(JwtDecoderConfig.DECODED);
		});
	}

	@Test
	void userSecurityWebFilterChainReplacesTheDefault() {
		this.contextRunner.withUserConfiguration(FilterChainConfig.class).withPropertyValues(ISSUER).run((context) -> {
			assertThat(context).doesNotHaveBean("zuploSecurityWebFilterChain");
			assertThat(firstChain(context)).isSameAs(context.getBean("customChain"));
			assertThat(context.getBean(ReactiveJwtDecoder.class)).isInstanceOf(ZuploReactiveJwtDecoder.class);
		});
	}

	@Test
	void userJwtAuthenticationConverterMapsThePrincipalOnTheReactiveStackToo() {
		this.contextRunner.withUserConfiguration(JwtConverterConfig.class).withPropertyValues(ISSUER).run((context) -> {
			AbstractAuthenticationToken authentication = context
				.getBean(ReactiveJwtAuthenticationConverterAdapter.class)
				.convert(jwt())
				.block();
			assertThat(authentication.getName()).isEqualTo("ally");
		});
	}

	@Test
	void userReactiveJwtAuthenticationConverterReplacesTheStarters() {
		this.contextRunner.withUserConfiguration(ReactiveConverterConfig.class)
			.withPropertyValues(ISSUER)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveJwtAuthenticationConverterAdapter.class);
				assertThat(context.getBean(ReactiveJwtAuthenticationConverter.class))
					.isSameAs(context.getBean("customConverter"));
			});
	}

	@Test
	void userBearerTokenConverterReplacesTheStarters() {
		this.contextRunner.withUserConfiguration(BearerConverterConfig.class)
			.withPropertyValues(ISSUER)
			.run((context) -> assertThat(context.getBean(ServerAuthenticationConverter.class))
				.isSameAs(context.getBean("customBearerConverter")));
	}

	@Test
	void userEntryPointReplacesTheStarters() {
		this.contextRunner.withUserConfiguration(EntryPointConfig.class)
			.withPropertyValues(ISSUER)
			.run((context) -> assertThat(context.getBean(ServerAuthenticationEntryPoint.class))
				.isSameAs(context.getBean("customEntryPoint")));
	}

	@Test
	void userAccessDeniedHandlerReplacesTheStarters() {
		this.contextRunner.withUserConfiguration(AccessDeniedConfig.class)
			.withPropertyValues(ISSUER)
			.run((context) -> assertThat(context.getBean(ServerAccessDeniedHandler.class))
				.isSameAs(context.getBean("customDenied")));
	}

	@Test
	void disabledStarterContributesNothing() {
		this.contextRunner.withPropertyValues(ISSUER, "zuplo.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ZuploJwtDecoder.class);
			assertThat(context).doesNotHaveBean(ZuploReactiveJwtDecoder.class);
			assertThat(context).doesNotHaveBean("zuploSecurityWebFilterChain");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ReactiveDecoderConfig {

		@Bean
		ReactiveJwtDecoder customDecoder() {
			return (token) -> Mono.error(new IllegalStateException("not used"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JwtDecoderConfig {

		static final Jwt DECODED = jwt();

		@Bean
		JwtDecoder customDecoder() {
			return (token) -> DECODED;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FilterChainConfig {

		@Bean
		SecurityWebFilterChain customChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().denyAll()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class JwtConverterConfig {

		@Bean
		JwtAuthenticationConverter customConverter() {
			JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
			converter.setPrincipalClaimName("nickname");
			return converter;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReactiveConverterConfig {

		@Bean
		ReactiveJwtAuthenticationConverter customConverter() {
			return new ReactiveJwtAuthenticationConverter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BearerConverterConfig {

		@Bean
		ServerAuthenticationConverter customBearerConverter() {
			return (exchange) -> Mono.empty();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EntryPointConfig {

		@Bean
		ServerAuthenticationEntryPoint customEntryPoint() {
			return (exchange, ex) -> Mono.fromRunnable(() -> exchange.getResponse().setStatusCode(HttpStatus.I_AM_A_TEAPOT));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AccessDeniedConfig {

		@Bean
		ServerAccessDeniedHandler customDenied() {
			return (exchange, denied) -> Mono.empty();
		}

	}

}
