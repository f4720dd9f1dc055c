"""The MLX engine: the same serving contract as engine/ (llama.cpp), computed by Apple's MLX.

On Apple silicon MLX runs on the GPU through Metal; elsewhere its CPU build (`pip install "mlx[cpu]"`)
runs the same code, which is how this package is tested on Linux. Every module that imports `mlx`
or `mlx_lm` lives here, and is imported lazily, so kakehashi works without MLX installed.
"""
