package io.github.zuplojwt.autoconfigure;

import io.github.zuplojwt.web.reactive.ZuploReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;

/**
 * The reactive face of the verification core: a {@link ReactiveJwtDecoder} over the
 * application's {@link JwtDecoder} (the starter's, or the application's own) that never
 * blocks an event loop, and the same principal and authorities as on the servlet stack,
 * from the one {@link JwtAuthenticationConverter}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Mono.class)
class ZuploJwtReactiveDecoderConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactiveJwtDecoder.class)
	@ConditionalOnBean(JwtDecoder.class)
	ZuploReactiveJwtDecoder zuploReactiveJwtDecoder(JwtDecoder decoder) {
		return new ZuploReactiveJwtDecoder(decoder);
	}

	@Bean
	@ConditionalOnMissingBean({ ReactiveJwtAuthenticationConverter.class,
			ReactiveJwtAuthenticationConverterAdapter.class })
	ReactiveJwtAuthenticationConverterAdapter zuploReactiveJwtAuthenticationConverter(
			JwtAuthenticationConverter converter, ZuploJwtProperties properties) {
		return new ReactiveJwtAuthenticationConverterAdapter(
				ZuploJwtAuthenticationConfiguration.named(converter, properties));
	}

}
