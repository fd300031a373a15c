# Written by an experiment; rendered by `kata run` (terminal and output are set on the command line)
set title "Training cost per epoch (with dropout it is the cost of a random thinned net)"
set xlabel "epoch"
set ylabel "cost J"
set key outside right
set datafile separator ','
set grid
set termoption noenhanced
set logscale y
plot "cost.0.csv" skip 1 using 1:2 with lines linewidth 2 title "no regularization", \
     "cost.1.csv" skip 1 using 1:2 with lines linewidth 2 title "dropout, keep-prob 0.86"
