package io.github.zuplojwt.sample;

/**
 * {@link SampleOperationsTests} for the sample on Spring MVC (Tomcat).
 */
class SampleOperationsServletTests extends SampleOperationsTests {

}
