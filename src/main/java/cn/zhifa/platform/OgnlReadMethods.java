package cn.zhifa.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Remembers which method reads a property in the conditions of the engine's SQL mappings. Camunda's statements are put
 * together by MyBatis at every call, and each {@code <if test="…">} reads properties of the query object through the
 * OGNL that MyBatis bundles. OGNL remembers bean getters ({@code getX}, {@code isX}), but a property named after a
 * method of another shape — the task query's {@code query.isOrQueryActive} and {@code query.isWithoutTenantId}, read
 * by every task query and count — is looked up afresh at every read: OGNL copies all 310 public methods of
 * {@code TaskQueryImpl} and compares each name in lower case with the property's. That was 5.9 % of the JVM's samples
 * in a whole case (docs/performance.md, 2026-12-05, fifth session). This accessor asks OGNL the same two questions
 * (its getter, else its read method) once per class and property and then answers as OGNL does: the method called if
 * the member access allows it, else the public field, else "not found". Installed for {@code Object} (the accessor OGNL
 * falls back on for every class without one of its own: maps, lists and MyBatis's context keep theirs) before anything
 * evaluates an expression; registered in {@code META-INF/spring.factories}, so the server and the tests run with it.
 */
public class OgnlReadMethods extends ObjectPropertyAccessor implements EnvironmentPostProcessor {

	private static final ClassValue<Map<String, Optional<Method>>> READ_METHODS = new ClassValue<>() {
		@Override
		protected Map<String, Optional<Method>> computeValue(Class<?> type) {
			return new ConcurrentHashMap<>();
		}
	};

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		install();
	}

	/** Makes this the accessor of every class OGNL has no other accessor for; calling it again changes nothing. */
	static void install() {
		OgnlRuntime.setPropertyAccessor(Object.class, new OgnlReadMethods());
	}

	/** The method OGNL reads {@code name} of {@code type} with (its getter, else a method of that name), if any. */
	static Optional<Method> readMethod(Class<?> type, String name) {
		return READ_METHODS.get(type).computeIfAbsent(name, property -> {
			Method getter = OgnlRuntime.getGetMethod(type, property);
			return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null));
		});
	}

	@Override
	public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
		if (target == null) {
			return super.getPossibleProperty(context, target, name);
		}
		try {
			Optional<Method> read = readMethod(target.getClass(), name);
			if (read.isEmpty() || !context.getMemberAccess().isAccessible(context, target, read.get(), name)) {
				return OgnlRuntime.getFieldValue(context, target, name, true);
			}
			return OgnlRuntime.invokeMethod(target, read.get(), OgnlRuntime.NoArguments);
		}
		catch (InvocationTargetException failed) {
			throw new OgnlException(name, failed.getTargetException());
		}
		catch (Exception failed) {
			throw new OgnlException(name, failed);
		}
	}
}
