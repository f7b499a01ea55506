package io.github.zuplojwt.web;

import io.github.zuplojwt.support.ServletStack;

/**
 * {@link RequestBodyNotReadTests} on the servlet stack (Spring MVC on Tomcat).
 */
@ServletStack
class RequestBodyNotReadServletTests extends RequestBodyNotReadTests {

}
