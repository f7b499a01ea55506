package io.github.zuplojwt.support;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.junit.platform.commons.support.ReflectionSupport;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the two applications of a {@link BothStacks} test class when its first test needs
 * them and closes them after its last; runs each {@link StackTest} once per stack (and
 * case), and resolves {@link Stacks} parameters.
 */
final class BothStacksExtension
		implements TestTemplateInvocationContextProvider, ParameterResolver, ExecutionCondition, AfterAllCallback {

	/**
	 * The system property that runs one stack only, {@code servlet} or {@code reactive}; the
	 * tests that compare both stacks are then skipped.
	 */
	static final String ONE_STACK = "zuplo.test.stack";

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BothStacksExtension.class);

	private static final int MAX_NAME_LENGTH = 200;

	@Override
	public boolean supportsTestTemplate(ExtensionContext context) {
		return AnnotationSupport.isAnnotated(context.getTestMethod(), StackTest.class);
	}

	@Override
	public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
		Stacks stacks = stacks(context);
		List<List<Object>> cases = cases(context.getRequiredTestClass(), context.getRequiredTestMethod());
		return stacks.both()
			.stream()
			.flatMap((stack) -> cases.stream().map((arguments) -> new StackInvocation(stack, arguments)));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Stacks.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return stacks(context);
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String only = oneStack();
		boolean compares = context.getTestMethod()
			.map((method) -> Arrays.asList(method.getParameterTypes()).contains(Stacks.class))
			.orElse(false);
		return (compares && !only.isEmpty())
				? ConditionEvaluationResult.disabled("compares both stacks, and " + ONE_STACK + "=" + only)
				: ConditionEvaluationResult.enabled("runs on the stacks that run");
	}

	/** The one stack that {@value #ONE_STACK} selects; empty for both. */
	private static String oneStack() {
		String only = System.getProperty(ONE_STACK, "");
		if (!only.isEmpty() && !only.equals("servlet") && !only.equals("reactive")) {
			throw new ExtensionConfigurationException(ONE_STACK + " is servlet or reactive, not " + only);
		}
		return only;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Stacks stacks = context.getStore(NAMESPACE).remove(context.getRequiredTestClass(), Stacks.class);
		if (stacks != null) {
			stacks.close();
		}
	}

	/** The test class's applications, started on first use. */
	private static Stacks stacks(ExtensionContext context) {
		ExtensionContext classContext = context;
		while (classContext.getTestMethod().isPresent()) {
			classContext = classContext.getParent().orElseThrow();
		}
		Class<?> testClass = classContext.getRequiredTestClass();
		ExtensionContext.Store store = classContext.getStore(NAMESPACE);
		Stacks stacks = store.get(testClass, Stacks.class);
		if (stacks == null) {
			stacks = start(testClass);
			store.put(testClass, stacks);
		}
		return stacks;
	}

	private static Stacks start(Class<?> testClass) {
		BothStacks settings = AnnotationSupport.findAnnotation(testClass, BothStacks.class)
			.orElseThrow(() -> new ExtensionConfigurationException(testClass + " is not annotated @BothStacks"));
		List<String> properties = new ArrayList<>(Arrays.asList(settings.properties()));
		properties.addAll(GatewayExtension.properties(testClass));
		properties.addAll(dynamicProperties(testClass));
		String only = oneStack();
		Stack servlet = only.equals("reactive") ? null : Stack.start("servlet", settings.classes(), properties);
		try {
			return new Stacks(servlet,
					only.equals("servlet") ? null : Stack.start("reactive", settings.classes(), properties));
		}
		catch (RuntimeException ex) {
			if (servlet != null) {
				servlet.close();
			}
			throw ex;
		}
	}

	/** What the test class's static {@code @DynamicPropertySource} methods register. */
	private static List<String> dynamicProperties(Class<?> testClass) {
		List<String> properties = new ArrayList<>();
		for (Method method : AnnotationSupport.findAnnotatedMethods(testClass, DynamicPropertySource.class,
				HierarchyTraversalMode.TOP_DOWN)) {
			if (!ModifierSupport.isStatic(method)) {
				throw new ExtensionConfigurationException("@DynamicPropertySource method must be static: " + method);
			}
			DynamicPropertyRegistry registry = (name, value) -> properties.add(name + "=" + value.get());
			ReflectionSupport.invokeMethod(method, null, registry);
		}
		return properties;
	}

	/** The arguments of each case of a test; one empty case for a test without cases. */
	private static List<List<Object>> cases(Class<?> testClass, Method test) {
		String factoryName = AnnotationSupport.findAnnotation(test, StackTest.class).orElseThrow().cases();
		if (factoryName.isEmpty()) {
			return List.of(List.of());
		}
		Method factory = ReflectionSupport.findMethod(testClass, factoryName)
			.filter(ModifierSupport::isStatic)
			.orElseThrow(() -> new ExtensionConfigurationException(
					"No static method " + factoryName + "() in " + testClass.getName() + " gives the cases of " + test));
		Object cases = ReflectionSupport.invokeMethod(factory, null);
		Stream<?> stream = (cases instanceof Stream<?> values) ? values
				: (cases instanceof Collection<?> values) ? values.stream() : Arrays.stream((Object[]) cases);
		return stream.map((value) -> (value instanceof Arguments arguments) ? Arrays.asList(arguments.get())
				: Arrays.asList(value)).toList();
	}

	/**
	 * One run of a test: on one stack, with one case's arguments after it.
	 */
	private static final class StackInvocation implements TestTemplateInvocationContext {

		private final Stack stack;

		private final List<Object> arguments;

		StackInvocation(Stack stack, List<Object> arguments) {
			this.stack = stack;
			this.arguments = arguments;
		}

		@Override
		public String getDisplayName(int invocationIndex) {
			String name = Stream.concat(Stream.of(this.stack), this.arguments.stream())
				.map(StackInvocation::toString)
				.collect(Collectors.joining(", "));
			return (name.length() > MAX_NAME_LENGTH) ? name.substring(0, MAX_NAME_LENGTH) + "…" : name;
		}

		private static String toString(Object argument) {
			return (argument instanceof Object[] array) ? Arrays.deepToString(array) : String.valueOf(argument);
		}

		@Override
		public List<Extension> getAdditionalExtensions() {
			return List.of(new StackParameters());
		}

		/**
		 * The stack for any {@link Stack} parameter of the run (of the test and of its
		 * {@code @BeforeEach} and {@code @AfterEach} methods), and the case's arguments for
		 * the test's parameters after the first.
		 */
		private final class StackParameters implements ParameterResolver {

			@Override
			public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
				return parameter.getParameter().getType() == Stack.class || isCaseArgument(parameter, context);
			}

			private boolean isCaseArgument(ParameterContext parameter, ExtensionContext context) {
				int index = parameter.getIndex() - 1;
				return parameter.getDeclaringExecutable().equals(context.getRequiredTestMethod()) && index >= 0
						&& index < StackInvocation.this.arguments.size();
			}

			@Override
			public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
				return (parameter.getParameter().getType() == Stack.class) ? StackInvocation.this.stack
						: StackInvocation.this.arguments.get(parameter.getIndex() - 1);
			}

		}

	}

}
