package io.github.zuplojwt.sample;

/**
 * {@link SampleFailsClosedTests} for the sample on Spring MVC (Tomcat).
 */
class SampleFailsClosedServletTests extends SampleFailsClosedTests {

	@Override
	protected Class<?> application() {
		return SampleApplication.class;
	}

}
