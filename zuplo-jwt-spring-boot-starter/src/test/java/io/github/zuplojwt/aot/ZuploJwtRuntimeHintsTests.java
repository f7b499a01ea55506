package io.github.zuplojwt.aot;

import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's runtime hints are found by Spring's AOT processing and hold exactly what
 * {@link NativeImageReadinessTests} found to be needed, nothing more.
 */
class ZuploJwtRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void springAotFindsTheRegistrar() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.anySatisfy((registrar) -> assertThat(registrar).isInstanceOf(ZuploJwtRuntimeHints.class));
	}

	@Test
	void gsonMayLookUpTheConstructorOfTheMapsItWrites() {
		new ZuploJwtRuntimeHints().registerHints(this.hints, getClass().getClassLoader());

		assertThat(RuntimeHintsPredicates.reflection().onType(LinkedHashMap.class)).accepts(this.hints);
	}

	@Test
	void nothingElseIsRegistered() {
		new ZuploJwtRuntimeHints().registerHints(this.hints, getClass().getClassLoader());

		assertThat(this.hints.reflection().typeHints()).hasSize(1);
		assertThat(this.hints.resources().resourcePatternHints()).isEmpty();
		assertThat(this.hints.proxies().jdkProxyHints()).isEmpty();
		assertThat(this.hints.serialization().javaSerializationHints()).isEmpty();
	}

}
