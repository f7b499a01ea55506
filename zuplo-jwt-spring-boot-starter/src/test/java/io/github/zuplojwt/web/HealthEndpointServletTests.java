package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link HealthEndpointTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class HealthEndpointServletTests extends HealthEndpointTests {

}
