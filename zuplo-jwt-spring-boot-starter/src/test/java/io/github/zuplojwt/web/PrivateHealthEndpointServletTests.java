package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link PrivateHealthEndpointTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class PrivateHealthEndpointServletTests extends PrivateHealthEndpointTests {

}
