package io.github.zuplojwt.sample;

/**
 * {@link SampleRealGatewayTests} for the sample on Spring WebFlux (Reactor Netty).
 */
class SampleRealGatewayReactiveTests extends SampleRealGatewayTests {

	@Override
	protected Class<?> application() {
		return WebFluxSampleApplication.class;
	}

}
