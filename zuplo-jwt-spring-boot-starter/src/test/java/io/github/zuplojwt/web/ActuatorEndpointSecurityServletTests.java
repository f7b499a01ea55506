package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link ActuatorEndpointSecurityTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class ActuatorEndpointSecurityServletTests extends ActuatorEndpointSecurityTests {

}
