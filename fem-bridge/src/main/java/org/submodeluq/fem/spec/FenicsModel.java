package org.submodeluq.fem.spec;

import java.util.List;
import org.submodeluq.core.UserInputException;

/**
 * Where the FEniCS full model of a case lives: a Python class with {@code describe} and {@code run}
 * (see the worker package's documentation), run by workers under the given interpreter.
 *
 * @param python interpreter that can import dolfinx
 * @param module Python module holding the model class
 * @param className the model class
 * @param pythonPath directories prepended to PYTHONPATH, for a model of the user's own
 */
public record FenicsModel(String python, String module, String className, List<String> pythonPath) {
    public FenicsModel {
        Rules.requirePresent("python", python);
        Rules.requirePresent("module", module);
        Rules.requirePresent("className", className);
        if (!module.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
            throw new UserInputException("module", "= '" + module + "' is not allowed: must be a dotted Python module name");
        }
        if (!className.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new UserInputException("className", "= '" + className + "' is not allowed: must be a Python identifier");
        }
        pythonPath = List.copyOf(Rules.requirePresent("pythonPath", pythonPath));
    }
}
