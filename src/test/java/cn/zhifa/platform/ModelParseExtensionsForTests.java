package cn.zhifa.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;

/**
 * For engine-only tests: the engine's parse listener for the {@link ModelParseExtension}s (ADR-0039), as the
 * application installs it ({@link ModelParseListener}), over the extensions {@code current} gives when a model is
 * parsed — so one test engine can deploy a model with a feature's extension (e.g. the period-suspension plugin) and
 * another without.
 */
public final class ModelParseExtensionsForTests {

	private ModelParseExtensionsForTests() {
	}

	public static BpmnParseListener listener(Supplier<List<ModelParseExtension>> current) {
		return (BpmnParseListener) Proxy.newProxyInstance(BpmnParseListener.class.getClassLoader(),
				new Class<?>[] { BpmnParseListener.class }, (proxy, method, args) -> {
					if (method.getDeclaringClass() == Object.class) {
						return switch (method.getName()) {
						case "hashCode" -> System.identityHashCode(proxy);
						case "equals" -> proxy == args[0];
						default -> "ModelParseExtensionsForTests.listener";
						};
					}
					try {
						return method.invoke(new ModelParseListener(current.get()), args);
					}
					catch (InvocationTargetException e) {
						throw e.getCause();
					}
				});
	}
}
