package cn.zhifa.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.zhifa.platform.problem.Problem;
import cn.zhifa.platform.problem.ProblemResponses;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Direct deployments by non-administrators go through the reviewed model-change process (issue 14 §6).
 * A member of {@code legal-office} who is not an administrator and deploys through the engine's REST API
 * ({@code POST …/deployment/create}, as Camunda Modeler does; also {@code /camunda/api/engine/…}) gets no
 * deployment: the files become a model change for the tenant given (their own agency), checked by the model
 * guard and waiting for the agency head's approval. The answer is <b>409</b> with a Chinese message naming the
 * change number — an error status, because Camunda Modeler shows the message of a failed deployment, while a
 * success would read "deployed"; a refusal is 403 or 400 with the guard's problems per file, as for a direct
 * deployment. A redeploy of an earlier deployment is refused (use the model-change rollback). Administrators
 * (the justice bureau) and everybody else pass through: the engine and its model guard decide as before.
 * Separate from {@link EngineRestGuard} (case variables), before it and before the engine runs the call.
 */
public final class ModelerDeploymentFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ModelerDeploymentFilter.class);
	private static final Pattern REDEPLOY = Pattern.compile("/deployment/[^/]+/redeploy");
	/** Camunda REST's multipart part names that are not files. */
	private static final java.util.Set<String> FIELDS = java.util.Set.of("deployment-name", "deployment-source", "tenant-id",
			"deploy-changed-only", "enable-duplicate-filtering", "deployment-activation-time");

	private final ModelerDeployments deployments;

	public ModelerDeploymentFilter(ModelerDeployments deployments) {
		this.deployments = deployments;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
		String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
		String path = EngineRestRoutes.enginePath(servletPath + pathInfo);
		boolean create = "/deployment/create".equals(path);
		boolean redeploy = path != null && REDEPLOY.matcher(path).matches();
		CurrentUser caller = create || redeploy ? RequestUsers.of(request) : null;
		if (caller == null || caller.isAdmin() || !caller.inGroup(Roles.LEGAL_OFFICE)) {
			chain.doFilter(request, response);
			return;
		}
		try {
			if (redeploy) {
				throw Problem.forbidden("不能直接重新部署此前的版本：请使用模型回退（POST /api/models/rollback），由系统检查、部署并记录");
			}
			MultipartFormData form;
			try {
				jakarta.ws.rs.core.MultivaluedMap<String, String> headers = new jakarta.ws.rs.core.MultivaluedHashMap<>();
				headers.putSingle("content-type", request.getContentType());
				form = new MultipartPayloadProvider().readFrom(MultipartFormData.class, null, null, null, headers,
						request.getInputStream());
			}
			catch (RuntimeException e) {
				log.debug("Unreadable deployment request", e);
				throw Problem.unreadable("部署请求应为 multipart/form-data，包含模型文件");
			}
			Map<String, byte[]> files = new LinkedHashMap<>();
			for (String part : form.getPartNames()) {
				MultipartFormData.FormPart p = form.getNamedPart(part);
				if (!FIELDS.contains(part) && p.getFileName() != null) {
					files.put(p.getFileName(), p.getBinaryContent());
				}
			}
			ModelerDeployments.Submitted submitted = deployments.submit(caller, text(form, "deployment-name"),
					text(form, "deployment-source"), text(form, "tenant-id"), files);
			log.info("Deployment by {} submitted as model change {}", caller.id(), submitted.changeNo());
			Problem answer = new Problem(org.springframework.http.HttpStatus.CONFLICT, "model-change-submitted",
					submitted.message(), null).with("changeNo", submitted.changeNo()).with("message", submitted.message());
			ProblemResponses.write(response, answer);
		}
		catch (Problem refused) {
			log.warn("Deployment by {} refused: {}", caller.id(), refused.detail());
			ProblemResponses.write(response, refused.with("message", refused.detail()));
		}
	}

	private static String text(MultipartFormData form, String name) {
		MultipartFormData.FormPart part = form.getNamedPart(name);
		String value = part == null ? null : part.getTextContent();
		return value == null || value.isBlank() ? null : value.strip();
	}
}
