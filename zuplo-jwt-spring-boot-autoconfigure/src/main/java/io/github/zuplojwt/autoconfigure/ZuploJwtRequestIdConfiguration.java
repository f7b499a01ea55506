package io.github.zuplojwt.autoconfigure;

import io.github.zuplojwt.web.reactive.ZuploRequestIdWebFilter;
import io.github.zuplojwt.web.servlet.ZuploRequestIdFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The filter that takes the gateway's request id ({@code zp-rid}) on each web stack, unless
 * {@code zuplo.request-id.enabled=false}; each backs off when the application declares its
 * own of the same type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "zuplo.request-id.enabled", matchIfMissing = true)
class ZuploJwtRequestIdConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletRequestIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ZuploRequestIdFilter zuploRequestIdFilter(ZuploJwtProperties properties) {
			return new ZuploRequestIdFilter(ZuploJwtSettings.requestId(properties));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	static class ReactiveRequestIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ZuploRequestIdWebFilter zuploRequestIdWebFilter(ZuploJwtProperties properties) {
			return new ZuploRequestIdWebFilter(ZuploJwtSettings.requestId(properties));
		}

	}

}
