# Written by an experiment; rendered by `kata run` (terminal and output are set on the command line)
set title "Decision boundaries on the training points"
set xlabel "x1"
set ylabel "x2"
set key outside right
set datafile separator ','
set grid
set termoption noenhanced
plot "boundary.0.csv" skip 1 using 1:2 with points pointtype 7 pointsize 0.5 title "class 1", \
     "boundary.1.csv" skip 1 using 1:2 with points pointtype 7 pointsize 0.5 title "class 0", \
     "boundary.2.csv" skip 1 using 1:2 with points pointtype 7 pointsize 0.5 title "boundary, no regularization", \
     "boundary.3.csv" skip 1 using 1:2 with points pointtype 7 pointsize 0.5 title "boundary, dropout 0.86", \
     "boundary.4.csv" skip 1 using 1:2 with lines linewidth 2 title "true boundary"
