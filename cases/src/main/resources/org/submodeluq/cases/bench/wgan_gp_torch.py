"""Timing reference: submodel-uq's WGAN-GP training loop (WganGpTrainer) in PyTorch eager.

The same work per iteration as the Java loop at the default options: generator 32-256-256-512 and
critic 512-256-256-1, LeakyReLU(0.2) between linear layers, He-normal weights (variance 2 / fan-in,
1 / fan-in for the output layer) and zero biases; float32; on 2000 rows of 512 standard Gaussian
features, batch 64. An iteration is 5 critic steps, each

    x_hat = eps real + (1 - eps) fake,   fake = G(z) without gradient, eps ~ U(0, 1) per row
    L = lambda E[(||grad_x D(x_hat)|| - 1)^2] - (E[D(real)] - E[D(fake)]),   lambda = 10

with the input gradient from torch.autograd.grad(create_graph=True), then Adam (lr 1e-4 decaying
linearly to 1e-5 over the run, betas 0.5, 0.9); then one generator step on -E[D(G(z))] (the critic's
parameters receive gradients there too, as in the Java loop), the exponential moving average of
the generator's weights (decay 0.99), and the four losses read back as Python floats for the log.
The Java loop also validates the averaged generator once in the timed span (256 samples, a few ms);
this one does not. Prints

    torch THREADS RATE version VERSION generator_parameters N critic_parameters N

with RATE in iterations/s over ITERATIONS timed iterations after WARM_UP untimed ones.

Usage: python3 wgan_gp_torch.py THREADS ITERATIONS WARM_UP
"""
import sys
import time

import torch

LATENT, FEATURES, ROWS, HIDDEN = 32, 512, 2000, 256
BATCH, CRITIC_STEPS, LAMBDA = 64, 5, 10.0
LEARNING_RATE, FINAL_FRACTION, BETAS, EMA_DECAY = 1e-4, 0.1, (0.5, 0.9), 0.99
SLOPE = 0.2


def mlp(widths):
    """Linear layers with LeakyReLU between them, initialised like Mlp.initialised."""
    layers = []
    for i in range(len(widths) - 1):
        linear = torch.nn.Linear(widths[i], widths[i + 1])
        last = i + 2 == len(widths)
        torch.nn.init.normal_(linear.weight, std=((1.0 if last else 2.0) / widths[i]) ** 0.5)
        torch.nn.init.zeros_(linear.bias)
        layers.append(linear)
        if not last:
            layers.append(torch.nn.LeakyReLU(SLOPE))
    return torch.nn.Sequential(*layers)


def critic_loss(critic, real, fake):
    eps = torch.rand(BATCH, 1)
    interpolated = (eps * real + (1 - eps) * fake).requires_grad_(True)
    gradient, = torch.autograd.grad(critic(interpolated).sum(), interpolated, create_graph=True)
    penalty = LAMBDA * ((gradient.norm(2, dim=1) - 1) ** 2).mean()
    wasserstein = critic(real).mean() - critic(fake).mean()
    return penalty - wasserstein, wasserstein, penalty


def iterate(t, total, data, generator, critic, average, generator_adam, critic_adam):
    rate = LEARNING_RATE * (1 - (t - 1) / max(total - 1, 1) * (1 - FINAL_FRACTION))
    for adam in (generator_adam, critic_adam):
        for group in adam.param_groups:
            group["lr"] = rate
    for _ in range(CRITIC_STEPS):
        real = data[torch.randint(0, ROWS, (BATCH,))]
        with torch.no_grad():
            fake = generator(torch.randn(BATCH, LATENT))
        loss, wasserstein, penalty = critic_loss(critic, real, fake)
        critic_adam.zero_grad()
        loss.backward()
        critic_adam.step()
    generator_loss = -critic(generator(torch.randn(BATCH, LATENT))).mean()
    generator_adam.zero_grad()
    generator_loss.backward()
    generator_adam.step()
    with torch.no_grad():
        for a, p in zip(average.parameters(), generator.parameters()):
            a.mul_(EMA_DECAY).add_(p, alpha=1 - EMA_DECAY)
    return loss.item(), wasserstein.item(), penalty.item(), generator_loss.item()


def main():
    threads, iterations, warm_up = (int(a) for a in sys.argv[1:4])
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(1)
    data = torch.randn(ROWS, FEATURES)
    generator = mlp([LATENT, HIDDEN, HIDDEN, FEATURES])
    critic = mlp([FEATURES, HIDDEN, HIDDEN, 1])
    average = mlp([LATENT, HIDDEN, HIDDEN, FEATURES]).requires_grad_(False)
    for p in average.parameters():
        p.zero_()
    generator_adam = torch.optim.Adam(generator.parameters(), lr=LEARNING_RATE, betas=BETAS, eps=1e-8)
    critic_adam = torch.optim.Adam(critic.parameters(), lr=LEARNING_RATE, betas=BETAS, eps=1e-8)
    total = warm_up + iterations
    start = time.perf_counter()
    for t in range(1, total + 1):
        if t == warm_up + 1:
            start = time.perf_counter()
        iterate(t, total, data, generator, critic, average, generator_adam, critic_adam)
    rate = iterations / (time.perf_counter() - start)
    count = lambda network: sum(p.numel() for p in network.parameters())
    print(f"torch {threads} {rate:.3f} version {torch.__version__} generator_parameters {count(generator)} critic_parameters {count(critic)}")


if __name__ == "__main__":
    main()
