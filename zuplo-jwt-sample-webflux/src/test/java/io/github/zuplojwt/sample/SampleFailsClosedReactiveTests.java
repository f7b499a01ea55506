package io.github.zuplojwt.sample;

/**
 * {@link SampleFailsClosedTests} for the sample on Spring WebFlux (Reactor Netty).
 */
class SampleFailsClosedReactiveTests extends SampleFailsClosedTests {

	@Override
	protected Class<?> application() {
		return WebFluxSampleApplication.class;
	}

}
