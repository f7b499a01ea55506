package io.github.zuplojwt.sample;

/**
 * {@link SampleAotIT} for the sample on Spring MVC (Tomcat).
 */
class SampleAotServletIT extends SampleAotIT {

	@Override
	protected Class<?> application() {
		return SampleApplication.class;
	}

}
