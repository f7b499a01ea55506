package io.github.zuplojwt.sample;

/**
 * {@link SampleRealGatewayTests} for the sample on Spring MVC (Tomcat).
 */
class SampleRealGatewayServletTests extends SampleRealGatewayTests {

	@Override
	protected Class<?> application() {
		return SampleApplication.class;
	}

}
