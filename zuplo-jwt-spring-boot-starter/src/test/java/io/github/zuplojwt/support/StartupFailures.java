package io.github.zuplojwt.support;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that an application failed to start because of one named property, the way Spring
 * Boot then reports it to the user.
 */
public final class StartupFailures {

	private StartupFailures() {
	}

	/**
	 * Asserts that {@code failure} was caused by an invalid value of {@code property} and
	 * returns that cause for further checks.
	 */
	public static InvalidConfigurationPropertyValueException assertInvalidProperty(Throwable failure,
			String property) {
		assertThat(failure).as("startup failure").isNotNull();
		Throwable cause = failure;
		while (cause != null && !(cause instanceof InvalidConfigurationPropertyValueException)) {
			cause = cause.getCause();
		}
		assertThat(cause).isInstanceOf(InvalidConfigurationPropertyValueException.class);
		InvalidConfigurationPropertyValueException invalid = (InvalidConfigurationPropertyValueException) cause;
		assertThat(invalid.getName()).isEqualTo(property);
		return invalid;
	}

}
