package io.github.zuplojwt.autoconfigure;

import java.util.List;

import io.github.zuplojwt.decoder.KeySetState;
import io.github.zuplojwt.decoder.ZuploJwtDecoder;
import io.github.zuplojwt.observation.TokenVerificationObservation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Token verifications observed as {@value TokenVerificationObservation#NAME}, only when the
 * application has an {@link ObservationRegistry}; without one, verification carries no
 * observation cost at all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(ObservationRegistry.class)
class ZuploJwtObservationConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TokenVerificationObservation zuploTokenVerificationObservation(ObservationRegistry registry,
			ObjectProvider<ZuploJwtDecoder> decoder) {
		List<String> issuers = decoder.stream()
			.flatMap((zuplo) -> zuplo.keySets().stream())
			.map(KeySetState::issuer)
			.toList();
		return new TokenVerificationObservation(registry, issuers);
	}

}
