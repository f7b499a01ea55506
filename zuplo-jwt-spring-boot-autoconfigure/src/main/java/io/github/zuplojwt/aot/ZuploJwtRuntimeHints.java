package io.github.zuplojwt.aot;

import java.util.LinkedHashMap;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The runtime hints a native image needs for the starter beyond what Spring's AOT processing
 * generates, found by recording a running application with Spring's runtime hints agent:
 * Nimbus's embedded Gson looks up the no-argument constructor of {@link LinkedHashMap} by
 * reflection when it writes the starter's problem+json bodies.
 */
class ZuploJwtRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		hints.reflection().registerType(LinkedHashMap.class);
	}

}
