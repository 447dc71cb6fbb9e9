"""Worker process: python -m submodel_uq_worker --port P --module M --class C --worker-id ID

The Py4J authentication token comes in the environment (SUBMODEL_UQ_TOKEN), not on the command
line, where other users could read it. The worker puts itself in a process group of its own and
watches its standard input: when the JVM goes away, for whatever reason, the pipe closes and the
worker kills its descendants (MPI's orted helper starts a session of its own, so the process group
alone would miss it) and then its whole group.
"""
import argparse
import importlib
import os
import signal
import sys
import threading
import time
import traceback


def descendants(pid):
    """Process ids of every descendant of pid, from Linux's /proc."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, pending = [], [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.append(child)
            pending.append(child)
    return found


def watch_parent():
    """Blocks on stdin; EOF means the JVM is gone: take every descendant and the process group down."""
    try:
        while sys.stdin.buffer.read(1):
            pass
    finally:
        for pid in descendants(os.getpid()):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        os.killpg(os.getpgrp(), signal.SIGKILL)


def import_py4j():
    """Puts Py4J on the path: an installed one of the JVM's version, else the copy shipped in the jar."""
    try:
        import py4j.version
        if py4j.version.__version__ == os.environ.get("SUBMODEL_UQ_PY4J_VERSION"):
            return
    except ImportError:
        pass
    for name in [m for m in sys.modules if m == "py4j" or m.startswith("py4j.")]:
        del sys.modules[name]
    sys.path.insert(0, os.environ["SUBMODEL_UQ_PY4J_ZIP"])


def load_model(module_name, class_name):
    module = importlib.import_module(module_name)
    model_class = getattr(module, class_name, None)
    if model_class is None:
        raise ImportError(f"module {module_name} has no class {class_name}")
    return model_class()


class JavaModel:
    """The model as the JVM sees it: org.submodeluq.fem.bridge.RemoteFullModel."""

    def __init__(self, model):
        self.model = model
        self.last_run_seconds = float("nan")

    def describe(self, case_json):
        return self.model.describe(case_json)

    def run(self, sample_json):
        start = time.perf_counter()
        reply = bytes(self.model.run(sample_json))
        self.last_run_seconds = time.perf_counter() - start
        return reply

    def lastRunSeconds(self):
        return self.last_run_seconds

    class Java:
        implements = ["org.submodeluq.fem.bridge.RemoteFullModel"]


def main():
    parser = argparse.ArgumentParser(prog="submodel_uq_worker")
    parser.add_argument("--port", type=int, required=True, help="port of the JVM's Py4J gateway")
    parser.add_argument("--module", required=True, help="module holding the model class")
    parser.add_argument("--class", dest="class_name", required=True, help="model class")
    parser.add_argument("--worker-id", required=True, help="name of this worker in the JVM's logs")
    args = parser.parse_args()
    os.setpgrp()
    threading.Thread(target=watch_parent, name="parent-watch", daemon=True).start()

    import_py4j()
    from py4j.java_gateway import CallbackServerParameters, GatewayParameters, JavaGateway

    token = os.environ["SUBMODEL_UQ_TOKEN"]
    gateway = JavaGateway(
        gateway_parameters=GatewayParameters(address="127.0.0.1", port=args.port, auth_token=token),
        callback_server_parameters=CallbackServerParameters(address="127.0.0.1", port=0, auth_token=token,
                                                            daemonize=True, daemonize_connections=True))
    server = gateway.java_gateway_server
    server.resetCallbackClient(server.getCallbackClient().getAddress(),
                               gateway.get_callback_server().get_listening_port())
    registration = gateway.entry_point
    try:
        model = load_model(args.module, args.class_name)
    except BaseException as error:  # report any failure to load, then exit
        registration.failed(f"{type(error).__name__}: {error}".splitlines()[0])
        traceback.print_exc()
        gateway.shutdown()
        sys.exit(3)
    print(f"worker {args.worker_id}: pid {os.getpid()}, model {args.module}.{args.class_name}", flush=True)
    registration.register(JavaModel(model))
    threading.Event().wait()


if __name__ == "__main__":
    main()
