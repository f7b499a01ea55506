package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link RequestCorrelationTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class RequestCorrelationServletTests extends RequestCorrelationTests {

}
