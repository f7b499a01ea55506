package io.github.zuplojwt.sample;

/**
 * {@link SampleAotIT} for the sample on Spring WebFlux (Reactor Netty).
 */
class SampleAotReactiveIT extends SampleAotIT {

	@Override
	protected Class<?> application() {
		return WebFluxSampleApplication.class;
	}

}
